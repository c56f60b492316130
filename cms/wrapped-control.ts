/**
 * A widget control that wraps one of Decap's own (cms/counted-list.ts,
 * cms/fresh-asset.ts). Decap talks to the outermost control through its ref:
 * it asks it whether the value is valid, to take focus, and whether to
 * re-render at all (the widget's own `shouldComponentUpdate`, called with the
 * widget as `this`). Without passing these on, a wrapped image field would
 * never show the picture the editor has just chosen.
 */
import { Component, createRef } from 'react';

/** What Decap calls on a widget's control through its ref. */
interface ControlInstance {
  isValid?: () => unknown;
  focus?: (path?: string) => void;
  shouldComponentUpdate?: (nextProps: unknown, nextState?: unknown) => boolean;
}

export abstract class WrappedControl<P extends object, S extends object = object> extends Component<P, S> {
  protected readonly inner = createRef<Component<P> & ControlInstance>();
  isValid = (): unknown => this.inner.current?.isValid?.() ?? true;
  focus = (path?: string): void => this.inner.current?.focus?.(path);

  override shouldComponentUpdate(nextProps: Readonly<P>, nextState?: Readonly<S>): boolean {
    if (nextState !== undefined && nextState !== this.state) return true;
    const control = this.inner.current;
    return control?.shouldComponentUpdate ? control.shouldComponentUpdate(nextProps) : true;
  }
}
