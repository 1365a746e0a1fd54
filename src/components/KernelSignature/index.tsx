import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { Highlight } from 'prism-react-renderer';
import { usePrismTheme } from '@docusaurus/theme-common';
import styles from './styles.module.css';

export interface KernelSignatureProps {
  kind: string;
  name: string;
  /** The prototype (functions, macros) or the definition (types), as C. */
  code: string;
  /** Identifier → href for documented names appearing in the code. */
  links?: Record<string, string>;
  /** Struct/union member → `#c.STRUCT.MEMBER`, to link members inside the definition. */
  members?: Record<string, string>;
  /** `file:line` of the declaration in the kernel tree. */
  source: string;
  sourceHref?: string;
}

/**
 * The C signature or definition of a kernel-doc entry, highlighted as C, with documented
 * identifiers (and, for structs, the members) linked to their entries.
 */
export default function KernelSignature({ kind, code, links = {}, members = {}, source, sourceHref }: KernelSignatureProps): ReactNode {
  const theme = usePrismTheme();
  return (
    <div className={styles.signature} data-kind={kind}>
      <Highlight code={code} language="c" theme={theme}>
        {({ className, style, tokens, getLineProps, getTokenProps }) => (
          <pre className={`${className} ${styles.code}`} style={style}>
            <code>
              {tokens.map((line, i) => (
                <div key={i} {...getLineProps({ line })}>
                  {line.map((token, j) => {
                    const props = getTokenProps({ token });
                    const word = token.content.trim();
                    const href = members[word] && /^\s*\w+\s*$/.test(token.content) && isMemberToken(line, j) ? members[word] : links[word];
                    if (href && /^\w+$/.test(word)) {
                      // Keep indentation outside the link, so only the name is underlined.
                      const [, lead, , trail] = /^(\s*)(.*?)(\s*)$/.exec(token.content)!;
                      return (
                        <React.Fragment key={j}>
                          {lead}
                          <Link to={href} className={`${props.className} ${styles.link}`} style={props.style}>
                            {word}
                          </Link>
                          {trail}
                        </React.Fragment>
                      );
                    }
                    return (
                      <span key={j} {...props} />
                    );
                  })}
                </div>
              ))}
            </code>
          </pre>
        )}
      </Highlight>
      <div className={styles.source}>
        {sourceHref ? (
          <a href={sourceHref} rel="noopener" title="Open this line in a source browser">
            {source}
          </a>
        ) : (
          <span>{source}</span>
        )}
      </div>
    </div>
  );
}

/** A member name is the last word before `;`, `[`, `:` or `)` (function pointers) on its line. */
function isMemberToken(line: { content: string }[], j: number): boolean {
  const rest = line.slice(j + 1).map((t) => t.content).join('');
  return /^\s*(\)\s*\(|;|\[|:|,)/.test(rest);
}
