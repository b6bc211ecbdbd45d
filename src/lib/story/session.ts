/** Shared between the story button and the story overlay: did story mode enter full screen? */
export const storySession = { fullscreen: false };

/** Ask for full screen (needs a user gesture); resolve false when the browser says no. */
export async function enterFullscreen(): Promise<boolean> {
  const el = typeof document !== 'undefined' ? document.documentElement : null;
  if (!el?.requestFullscreen || document.fullscreenElement) return false;
  try {
    await el.requestFullscreen({ navigationUI: 'hide' });
    storySession.fullscreen = true;
    return true;
  } catch {
    return false;
  }
}

export function leaveFullscreen() {
  if (storySession.fullscreen && typeof document !== 'undefined' && document.fullscreenElement) {
    document.exitFullscreen?.().catch(() => {});
  }
  storySession.fullscreen = false;
}
