// Zoom arithmetic for the preview, shared by the webview (a plain script)
// and the unit tests (a CommonJS module).
'use strict';

(function (exports) {
  const MIN = 0.05;
  const MAX = 8;

  /** `scale` kept within the zoom's limits. */
  function clampScale(scale) {
    return Math.min(MAX, Math.max(MIN, scale));
  }

  /**
   * Zooming by `factor` about the point (`px`, `py`) of the viewport, so that
   * the point of the diagram under it stays under it.
   * @param {{scale: number, left: number, top: number}} view scale and scroll offsets
   * @returns {{scale: number, left: number, top: number}}
   */
  function zoomAbout(view, factor, px, py) {
    const scale = clampScale(view.scale * factor);
    const k = scale / view.scale;
    return {
      scale,
      left: Math.max(0, (view.left + px) * k - px),
      top: Math.max(0, (view.top + py) * k - py),
    };
  }

  /** The scale at which a diagram `width` wide fills a viewport `viewport` wide (never above 1). */
  function fitScale(width, viewport) {
    if (!(width > 0) || !(viewport > 0)) return 1;
    return clampScale(Math.min(1, viewport / width));
  }

  exports.clampScale = clampScale;
  exports.zoomAbout = zoomAbout;
  exports.fitScale = fitScale;
})(typeof module === 'object' && module.exports ? module.exports : (window.argmapZoom = {}));
