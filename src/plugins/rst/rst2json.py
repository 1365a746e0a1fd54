"""Parse reStructuredText with docutils (the reference implementation) and print doctrees as JSON.

Input (stdin): a JSON list of {"id": str, "rst": str, "source": str, "line": int}.
Output (stdout): a JSON list of {"id": str, "tree": node, "messages": [..]} where a node is
  {"t": tagname, "a": {attributes}, "c": [children]} and text nodes are plain strings.

Sphinx-only constructs the kernel uses are registered here so docutils keeps them as data for the
TypeScript renderer instead of reporting errors: the C-domain roles (c:func, c:type, c:macro,
c:member), :ref:, :doc:, and the kernel-doc / kernel-render directives. Nothing is resolved here;
links are made by the renderer, which knows every page and anchor.
"""
import json
import sys

import docutils
from docutils import nodes, utils
from docutils.parsers.rst import Directive, directives, roles


class xref(nodes.Inline, nodes.TextElement):
    """A cross-reference role occurrence: attributes role, target, explicit (title given)."""


class kerneldoc(nodes.Element):
    """A `.. kernel-doc:: FILE` directive with its options, expanded later."""


class kernelrender(nodes.Element):
    """A `.. kernel-render:: DOT` block; its source is rendered to SVG later."""


def xref_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    text = utils.unescape(text)
    title, target, explicit = text, text, False
    if text.endswith('>') and '<' in text:
        i = text.rindex('<')
        title, target, explicit = text[:i].rstrip(), text[i + 1:-1].strip(), True
    node = xref(rawtext, title, role=name, target=target, explicit=explicit)
    return [node], []


for role in ('c:func', 'c:type', 'c:macro', 'c:member', 'c:data', 'c:enum', 'c:enumerator',
             'c:struct', 'c:union', 'c:expr', 'c:texpr', 'ref', 'doc', 'manpage', 'file',
             'command', 'option', 'envvar', 'kbd', 'samp', 'numref', 'kd:const'):
    roles.register_local_role(role, xref_role)


class KernelDocDirective(Directive):
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = True
    option_spec = {
        'doc': directives.unchanged_required,
        'export': directives.unchanged,
        'internal': directives.unchanged,
        'identifiers': directives.unchanged,
        'no-identifiers': directives.unchanged,
        'functions': directives.unchanged,
    }
    has_content = False

    def run(self):
        node = kerneldoc(file=self.arguments[0], options=json.dumps(self.options))
        node.line = self.lineno
        return [node]


class KernelRenderDirective(Directive):
    required_arguments = 1
    optional_arguments = 0
    option_spec = {'caption': directives.unchanged, 'alt': directives.unchanged}
    has_content = True

    def run(self):
        node = kernelrender(lang=self.arguments[0], source='\n'.join(self.content),
                            caption=self.options.get('caption', ''), alt=self.options.get('alt', ''))
        return [node]


directives.register_directive('kernel-doc', KernelDocDirective)
directives.register_directive('kernel-render', KernelRenderDirective)
# Sphinx spells the code directive several ways; docutils' own `code` handles all of them.
from docutils.parsers.rst.directives.body import CodeBlock as _code
for alias in ('code-block', 'sourcecode', 'highlight-block'):
    directives.register_directive(alias, _code)

KEEP_ATTRS = ('ids', 'names', 'classes', 'refuri', 'refname', 'refid', 'role', 'target', 'explicit',
              'file', 'options', 'lang', 'source', 'caption', 'alt', 'level', 'type', 'enumtype',
              'prefix', 'suffix', 'start', 'bullet', 'colwidth', 'morecols', 'morerows', 'cols',
              'stub', 'language', 'xml:space', 'anonymous', 'uri', 'width', 'height')


def to_json(node):
    if isinstance(node, nodes.Text):
        # astext() drops docutils' NUL markers of backslash escapes (`\ ` renders as nothing).
        return node.astext()
    attrs = {}
    for k in KEEP_ATTRS:
        v = node.attributes.get(k) if hasattr(node, 'attributes') else None
        if v not in (None, [], '', False):
            attrs[k] = v
    if node.line:
        attrs['line'] = node.line
    return {'t': node.tagname, 'a': attrs, 'c': [to_json(c) for c in node.children]}


SETTINGS = {
    'report_level': 2,       # collect warnings and up
    'halt_level': 5,         # never abort
    'warning_stream': False,  # messages stay in the tree, not on stderr
    'syntax_highlight': 'none',
    'file_insertion_enabled': False,
    'raw_enabled': False,
    'input_encoding': 'unicode',
    'doctitle_xform': False,
    'sectsubtitle_xform': False,
    'docinfo_xform': False,
}


_parser = None
_settings = None
_reader = None


def doctree(text, source):
    """Parse one snippet: the rst parser and settings are built once and reused (publish_doctree
    rebuilds both for every call, which dominates on tens of thousands of small bodies); the
    standard transforms still run, so references and targets resolve as usual."""
    global _parser, _settings, _reader
    if _parser is None:
        from docutils.parsers.rst import Parser
        from docutils.readers.standalone import Reader
        _parser = Parser()
        _reader = Reader(parser=_parser)
        try:
            from docutils.frontend import get_default_settings  # docutils >= 0.18
            _settings = get_default_settings(Parser)
        except ImportError:
            from docutils.frontend import OptionParser
            _settings = OptionParser(components=(Parser,)).get_default_values()
        for k, v in SETTINGS.items():
            setattr(_settings, k, v)
    from docutils.utils import new_document
    from docutils.transforms import Transformer
    document = new_document(source, _settings)
    _parser.parse(text, document)
    transformer = Transformer(document)
    # The same transforms publish_doctree applies: the standalone reader's (substitutions,
    # targets, footnotes...), the parser's and docutils' universal ones.
    transformer.populate_from_components((_reader, _parser))
    transformer.apply_transforms()
    return document


def parse(entry):
    messages = []
    try:
        tree = doctree(entry['rst'], entry.get('source', '<kernel-doc>'))
        for msg in list(tree.traverse(nodes.system_message)):
            messages.append({'level': msg['level'], 'line': msg.get('line'),
                             'text': msg.astext().split('\n', 1)[0]})
            msg.parent.remove(msg)
        for prob in list(tree.traverse(nodes.problematic)):
            prob.replace_self(nodes.Text(prob.astext()))
        return {'id': entry['id'], 'tree': to_json(tree), 'messages': messages}
    except Exception as e:  # docutils should not raise with halt_level 5; keep the text anyway
        return {'id': entry['id'], 'tree': {'t': 'document', 'a': {}, 'c': [
            {'t': 'literal_block', 'a': {}, 'c': [entry['rst']]}]},
            'messages': [{'level': 4, 'line': None, 'text': f'{type(e).__name__}: {e}'}]}


def main():
    entries = json.load(sys.stdin)
    out = [parse(e) for e in entries]
    json.dump({'docutils': docutils.__version__, 'results': out}, sys.stdout)


if __name__ == '__main__':
    main()
