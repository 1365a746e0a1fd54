/**
 * The one registry of MDX tags. Hand-written and generated pages use only these.
 */
import MDXComponents from '@theme-original/MDXComponents';
import CodeBlock from '@theme/CodeBlock';
import Admonition from '@theme/Admonition';
import KernelSignature from '@site/src/components/KernelSignature';
import { KernelParams, KernelParam } from '@site/src/components/KernelParams';
import KernelSection from '@site/src/components/KernelSection';
import { KRef, Anchor } from '@site/src/components/KRef';
import KernelGraph from '@site/src/components/KernelGraph';
import KernelVersionBanner from '@site/src/components/KernelVersionBanner';
import KernelWarnings from '@site/src/components/KernelWarnings';
import Lifecycle from '@site/src/components/Lifecycle';
import Sandbox from '@site/src/components/Sandbox';
import AnchorRedirect from '@site/src/components/AnchorRedirect';
import TryIt from '@site/src/components/TryIt';

export default {
  ...MDXComponents,
  CodeBlock,
  Admonition,
  KernelSignature,
  KernelParams,
  KernelParam,
  KernelSection,
  KRef,
  Anchor,
  KernelGraph,
  KernelVersionBanner,
  KernelWarnings,
  Lifecycle,
  Sandbox,
  AnchorRedirect,
  TryIt,
};
