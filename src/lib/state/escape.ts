/**
 * Who gets Esc. Esc closes only the topmost thing that claims it: a modal, story mode, a drawing
 * in progress. Claims stack in the order they are made (the latest on top); on Esc the stack is
 * asked from the top, and the first claim whose handler returns true takes the key (nothing below
 * it, and no other keydown listener, sees it). A finished measurement never claims Esc.
 */
export type EscHandler = (e: KeyboardEvent) => boolean;

interface Claim {
  id: number;
  handler: EscHandler;
}

let seq = 0;
const stack: Claim[] = [];
let installed = false;

/** Run the stack for one key event; true when a claim took it. Exported for tests. */
export function dispatchEscape(e: KeyboardEvent): boolean {
  if (e.key !== 'Escape' && e.key !== 'Esc') return false;
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i].handler(e)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return true;
    }
  }
  return false;
}

function install() {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  // capture on window: before any component's own keydown handler
  window.addEventListener('keydown', (e) => void dispatchEscape(e), true);
}

/** Claim Esc; returns the release function. */
export function claimEscape(handler: EscHandler): () => void {
  install();
  const c = { id: ++seq, handler };
  stack.push(c);
  return () => {
    const i = stack.indexOf(c);
    if (i >= 0) stack.splice(i, 1);
  };
}

/** How many claims are held (for tests). */
export const escapeDepth = () => stack.length;
