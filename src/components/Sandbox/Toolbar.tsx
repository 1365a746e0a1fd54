/**
 * Run / Stop, Reset, Share, and the Kconfig switches a run is made with.
 */
import React, { type ReactNode } from 'react';
import type { RunSettings } from '../../../sandbox/runtime/protocol';
import styles from './styles.module.css';

const SWITCHES: { key: keyof RunSettings; label: string; title: string }[] = [
  { key: 'CONFIG_DMABUF_MOVE_NOTIFY', label: 'CONFIG_DMABUF_MOVE_NOTIFY', title: 'Let dynamic importers receive move_notify instead of the exporter pinning the buffer (off in Debian 6.12)' },
  { key: 'CONFIG_DMABUF_DEBUG', label: 'CONFIG_DMABUF_DEBUG', title: 'Extra sanity checks of importers and exporters (off in Debian 6.12)' },
  { key: 'rfc_get_pfn', label: 'RFC: get_pfn', title: 'The 2025 proposal: dma_buf_get_pfn_unlocked() and the get_pfn exporter op (not in any release)' },
];

export default function Toolbar(props: {
  busy: boolean;
  settings: RunSettings;
  onSettings: (s: RunSettings) => void;
  onRun: () => void;
  onStop: () => void;
  onReset: () => void;
  onShare: () => void;
  onWarmUp: () => void;
}): ReactNode {
  const { busy, settings } = props;
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Sandbox">
      {busy ? (
        <button type="button" className="button button--sm button--danger" onClick={props.onStop}>
          Stop
        </button>
      ) : (
        <button type="button" className="button button--sm button--primary" onClick={props.onRun} onMouseEnter={props.onWarmUp} onFocus={props.onWarmUp} data-testid="sandbox-run">
          ▶ Run
        </button>
      )}
      <button type="button" className="button button--sm button--secondary" onClick={props.onReset}>
        Reset
      </button>
      <button type="button" className="button button--sm button--secondary" onClick={props.onShare}>
        Share
      </button>
      <span className={styles.switches}>
        {SWITCHES.map((s) => (
          <label key={s.key} title={s.title} className={styles.switch}>
            <input type="checkbox" checked={settings[s.key]} onChange={(e) => props.onSettings({ ...settings, [s.key]: e.target.checked })} />
            <code>{s.label}</code>
          </label>
        ))}
      </span>
    </div>
  );
}
