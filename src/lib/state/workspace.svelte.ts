/**
 * The user's workspace beyond imported layers: measurements/sketches with a note each (kept in
 * IndexedDB with the layers and the view, see src/ui/WorkspaceSync.svelte), the undo of the last
 * delete, the storage status, and which map tool currently owns map clicks.
 */
import type { LineString, Polygon } from 'geojson';
import { NOTE_MAX, type Sketch } from './workspaceFile.ts';

export type StorageStatus = 'unknown' | 'ok' | 'blocked' | 'full';

let sketchSeq = 0;
export const newSketchId = () => `m-${Date.now().toString(36)}-${(++sketchSeq).toString(36)}`;

class WorkspaceState {
  sketches: Sketch[] = $state.raw([]);
  /** the sketch being edited by the measuring tool (drawn by the tool, not by the sketch layer) */
  editing: string | null = $state(null);
  /** last deleted sketch, for undo */
  removed: { sketch: Sketch; index: number } | null = $state.raw(null);
  storage: StorageStatus = $state('unknown');
  /** restored from IndexedDB (true once the first restore has finished or failed) */
  restored = $state(false);
  savedAt: number | null = $state(null);
  /** a map tool that takes map clicks ('measure', 'select'); imported-feature inspection waits */
  tool: string | null = $state(null);
  /** user layer whose attribute table is open */
  tableLayer: string | null = $state(null);

  addSketch(kind: Sketch['kind'], geometry: LineString | Polygon, id = newSketchId()): Sketch {
    const s: Sketch = { id, kind, geometry, note: '', created: Date.now() };
    this.sketches = [...this.sketches, s];
    return s;
  }

  updateGeometry(id: string, geometry: LineString | Polygon) {
    this.sketches = this.sketches.map((s) => (s.id === id ? { ...s, geometry } : s));
  }

  setNote(id: string, note: string) {
    this.sketches = this.sketches.map((s) => (s.id === id ? { ...s, note: note.slice(0, NOTE_MAX) } : s));
  }

  /** Explicit delete; undo() brings it back at the same place. */
  remove(id: string) {
    const index = this.sketches.findIndex((s) => s.id === id);
    if (index < 0) return;
    this.removed = { sketch: this.sketches[index], index };
    this.sketches = this.sketches.filter((s) => s.id !== id);
    if (this.editing === id) this.editing = null;
  }

  undo(): Sketch | null {
    const r = this.removed;
    if (!r) return null;
    const list = [...this.sketches];
    list.splice(Math.min(r.index, list.length), 0, r.sketch);
    this.sketches = list;
    this.removed = null;
    return r.sketch;
  }
}

export const workspace = new WorkspaceState();

/** Ask the map to zoom to and inspect one imported feature (set by the attribute table). */
export const inspectRequest: { value: { layer: string; index: number; seq: number } | null } = $state({ value: null });
export function requestInspect(layer: string, index: number) {
  inspectRequest.value = { layer, index, seq: (inspectRequest.value?.seq ?? 0) + 1 };
}
