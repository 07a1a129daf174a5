// Zoom and pan for an SVG chart by its viewBox: the wheel or the +/− buttons zoom, dragging pans
// (mouse, pen or one finger), "reset" restores the whole chart. The chart's labels are redrawn for the
// zoom and for the size the chart is shown at (onZoom), so they keep their size on screen.
import { h } from '../dom.js';

export function zoomable(svg, width, height, { minScale = 1, maxScale = 12, onZoom = null } = {}) {
  const view = { x: 0, y: 0, w: width, h: height };
  // onZoom gets the screen pixels per chart unit: the zoom times the size the chart is drawn at
  let shownWidth = 0;
  const notify = () => {
    if (onZoom) onZoom((width / view.w) * ((shownWidth || width) / width));
  };
  const apply = () => {
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    svg.dataset.scale = (width / view.w).toFixed(2);
    notify();
  };
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver((entries) => {
      const w = entries[entries.length - 1].contentRect.width;
      if (w && Math.abs(w - shownWidth) > 1) {
        shownWidth = w;
        notify();
      }
    }).observe(svg);
  }
  const clamp = () => {
    view.w = Math.min(width / minScale, Math.max(width / maxScale, view.w));
    view.h = view.w * (height / width);
    view.x = Math.min(width - view.w, Math.max(0, view.x));
    view.y = Math.min(height - view.h, Math.max(0, view.y));
  };
  // zoom by `factor` (>1 in) keeping the chart point (cx, cy) where it is
  const zoomAt = (factor, cx, cy) => {
    const w = view.w / factor;
    view.x = cx - ((cx - view.x) * w) / view.w;
    view.y = cy - ((cy - view.y) * w) / view.w;
    view.w = w;
    clamp();
    apply();
  };
  const toChart = (clientX, clientY) => {
    const rect = svg.getBoundingClientRect();
    return { x: view.x + ((clientX - rect.left) / rect.width) * view.w,
      y: view.y + ((clientY - rect.top) / rect.height) * view.h };
  };
  svg.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const p = toChart(ev.clientX, ev.clientY);
    zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false, id: ev.pointerId };
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    const rect = svg.getBoundingClientRect();
    const dx = ((ev.clientX - drag.x) / rect.width) * view.w;
    const dy = ((ev.clientY - drag.y) / rect.height) * view.h;
    if (!drag.moved && Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) < 4) return;
    if (!drag.moved) svg.setPointerCapture(ev.pointerId);
    drag.moved = true;
    view.x = drag.vx - dx;
    view.y = drag.vy - dy;
    clamp();
    apply();
  });
  const end = (ev) => {
    if (drag && drag.moved) {
      // a drag is not a click on the node under the pointer
      svg.addEventListener('click', (e) => { e.preventDefault(); e.stopPropagation(); }, { capture: true, once: true });
    }
    if (drag && svg.hasPointerCapture(ev.pointerId)) svg.releasePointerCapture(ev.pointerId);
    drag = null;
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
  svg.classList.add('zoomable');
  const button = (text, label, action) => h('button', { type: 'button', class: 'zoom-button', 'aria-label': label,
    title: label, onclick: action }, text);
  const controls = h('div', { class: 'zoom-controls' },
    button('+', 'Zoom in', () => zoomAt(1.5, view.x + view.w / 2, view.y + view.h / 2)),
    button('−', 'Zoom out', () => zoomAt(1 / 1.5, view.x + view.w / 2, view.y + view.h / 2)),
    button('reset', 'Show the whole chart', () => { Object.assign(view, { x: 0, y: 0, w: width, h: height }); apply(); }));
  // centre the view on a chart point, zoomed in to at least `scale`
  const focus = (x, y, scale = 3) => {
    view.w = Math.min(view.w, width / scale);
    view.h = view.w * (height / width);
    view.x = x - view.w / 2;
    view.y = y - view.h / 2;
    clamp();
    apply();
  };
  apply();
  return { controls, focus, zoomAt };
}
