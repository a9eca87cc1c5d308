// Moving the agent to the first field a submission stopped at, by the field's name
// (a group of checkboxes sharing the name: its first box).
export function focusField(form: HTMLFormElement, name: string): void {
  const element = form.elements.namedItem(name);
  const target = element instanceof RadioNodeList ? element[0] : element;
  if (target instanceof HTMLElement) target.focus();
}
