/**
 * Decap's image and file widgets draw an existing entry's picture once, with
 * what `getAsset` gives at that moment: while the entry's media folder is
 * still loading that is an empty placeholder, and the widget never asks
 * again, so a reopened entry shows a blank thumbnail. This wrapper hands the
 * widget a fresh `getAsset` (the widget asks again whenever it changes) until
 * the real picture is there.
 */
import { createElement, type ComponentType } from 'react';
import { WrappedControl } from './wrapped-control.ts';

/** Decap's placeholder for an asset still loading is a file of this name. */
const PLACEHOLDER = 'empty.svg';
const RETRY_MS = 300;
const MAX_RETRIES = 40;

type GetAsset = (path: string, field: unknown) => unknown;

interface FileProps {
  getAsset: GetAsset;
  [prop: string]: unknown;
}

/** True when `asset` is Decap's placeholder, not the file itself. */
export function isPlaceholder(asset: unknown): boolean {
  return typeof asset === 'object' && asset !== null && (asset as { path?: unknown }).path === PLACEHOLDER;
}

/** Wraps an image or file control so that its thumbnail appears once the file has loaded. */
export function freshAsset(Inner: ComponentType<FileProps>): ComponentType<FileProps> {
  return class FreshAsset extends WrappedControl<FileProps, { round: number }> {
    override state = { round: 0 };
    private timer: ReturnType<typeof setTimeout> | undefined;
    private made: { source: GetAsset; round: number; fn: GetAsset } | undefined;
    override componentWillUnmount(): void {
      clearTimeout(this.timer);
    }

    /** A new function for each round, so the widget asks again; schedules the next round while it gets the placeholder. */
    private getAsset(): GetAsset {
      const source = this.props.getAsset;
      const { round } = this.state;
      if (this.made?.source === source && this.made.round === round) return this.made.fn;
      const fn: GetAsset = (path, field) => {
        const asset = source(path, field);
        if (path && isPlaceholder(asset) && round < MAX_RETRIES && this.timer === undefined)
          this.timer = setTimeout(() => {
            this.timer = undefined;
            this.setState({ round: round + 1 });
          }, RETRY_MS);
        return asset;
      };
      this.made = { source, round, fn };
      return fn;
    }

    override render() {
      return createElement(Inner, { ...this.props, getAsset: this.getAsset(), ref: this.inner });
    }
  };
}
