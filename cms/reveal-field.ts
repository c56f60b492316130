/**
 * After a refused save the editor is taken to the first field with a
 * problem: scrolled into view and focused, instead of a toast that names a
 * field somewhere down a long form. Decap labels each control with
 * `for="<name>-field-<n>"` in the field's top bar; a nested field is found inside its top-level one.
 */

const FOCUSABLE = 'input, textarea, select, button, [contenteditable="true"]';

/** The control of a field path such as `title` or `term.to`, or its nearest ancestor that is on the page. */
export function fieldControl(root: ParentNode, path: string): HTMLElement | undefined {
  let scope: ParentNode = root;
  let found: HTMLElement | undefined;
  for (const key of path.split('.').filter((k) => !/^\d+$/.test(k))) {
    const label = scope.querySelector<HTMLLabelElement>(`label[for^="${CSS.escape(key)}-field-"]`);
    if (!label) break;
    const control = label.htmlFor ? root.querySelector<HTMLElement>(`#${CSS.escape(label.htmlFor)}`) : null;
    // A file or image field has no focusable control of that id: its first button or input stands for it.
    // The label sits in the field's top bar; the field's own box is the bar's parent.
    const box = label.parentElement?.parentElement ?? label.parentElement;
    found = (control?.matches(FOCUSABLE) ? control : undefined) ?? box?.querySelector<HTMLElement>(FOCUSABLE) ?? label;
    scope = box ?? scope;
  }
  return found;
}

/** Scrolls the first problem's field into view and focuses it when it can take focus. */
export function revealField(path: string | undefined, root: Document = document): void {
  if (!path) return;
  const control = fieldControl(root, path);
  if (!control) return;
  control.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}
