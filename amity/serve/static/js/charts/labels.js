// Labels that do not collide: each label, most important first, takes the first free spot around its
// point (right, left, above, below); one with no free spot is left out (its name stays in the tooltip).

const CHAR_W = 6.4; // px per character at the charts' 11px label font (an estimate, kept generous)
const LINE_H = 13;

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// items: [{x, y, r, text, priority}] ; returns [{item, x, y, anchor}] for the labels that fit
export function placeLabels(items, width, height, { maxChars = 28 } = {}) {
  const taken = items.map((it) => ({ x: it.x - it.r, y: it.y - it.r, w: 2 * it.r, h: 2 * it.r }));
  const placed = [];
  const order = items.map((it, i) => i).sort((a, b) => (items[b].priority || 0) - (items[a].priority || 0));
  for (const i of order) {
    const it = items[i];
    const text = it.text.length > maxChars ? `${it.text.slice(0, maxChars - 1)}…` : it.text;
    const w = text.length * CHAR_W;
    const gap = it.r + 3;
    const spots = [
      { x: it.x + gap, y: it.y - LINE_H / 2, anchor: 'start' },
      { x: it.x - gap - w, y: it.y - LINE_H / 2, anchor: 'end' },
      { x: it.x - w / 2, y: it.y - gap - LINE_H, anchor: 'middle' },
      { x: it.x - w / 2, y: it.y + gap, anchor: 'middle' },
    ];
    for (const spot of spots) {
      const box = { x: spot.x, y: spot.y, w, h: LINE_H };
      if (box.x < 0 || box.y < 0 || box.x + w > width || box.y + LINE_H > height) continue;
      if (taken.some((t, j) => j !== i && overlaps(box, t))) continue;
      taken.push(box);
      const tx = spot.anchor === 'start' ? box.x : spot.anchor === 'end' ? box.x + w : box.x + w / 2;
      placed.push({ item: it, index: i, text, x: tx, y: box.y + LINE_H - 3, anchor: spot.anchor, box });
      break;
    }
  }
  return placed;
}
