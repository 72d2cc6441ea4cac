/**
 * @module Choice
 * One option of a radio group, drawn as a large toggle button. It stays a native radio input
 * (visually hidden, still focusable) so arrow keys, screen readers and form semantics work
 * without any script; CSS paints the label as the button and shows focus and the checked state.
 */
import type { ComponentChildren } from "preact";

interface ChoiceProps {
  name: string;
  value: string;
  checked: boolean;
  onSelect: (value: string) => void;
  children: ComponentChildren;
  /** Extra class on the label, e.g. "choice--wide" for stacked rating options. */
  variant?: string;
}

export function Choice({ name, value, checked, onSelect, children, variant }: ChoiceProps) {
  return (
    <label class={variant ? `choice ${variant}` : "choice"}>
      <input class="choice__input" type="radio" name={name} value={value} checked={checked} onChange={() => onSelect(value)} />
      <span class="choice__face">{children}</span>
    </label>
  );
}
