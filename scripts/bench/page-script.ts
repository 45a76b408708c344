// In-page instrumentation, injected before the app's scripts (as a string:
// functions serialised from tsx-compiled code can carry helpers the page lacks).
// window.__bench:
//   firstMeaningful  ms (performance.now) of the first frame that drew
//                    territories of the current level
//   lastInput        time of the last DOM change/click/input event (capture phase)
//   arm()            snapshot before an action (time, indicator dataVersion)
//   settle(kind, a)  resolves at the map `idle` after the action took effect:
//                    { doneAt, fromMs, forced } — fromMs from the DOM event
//   zoomProbe(o)     frame times while animating a zoom, then time to idle
export const PAGE_SCRIPT = String.raw`
(() => {
  const B = { lastRender: 0, firstMeaningful: null, firstMeaningfulLevel: null, lastInput: null, armed: null };
  const stamp = (e) => { B.lastInput = { type: e.type, t: performance.now() }; };
  for (const type of ['change', 'click', 'input']) document.addEventListener(type, stamp, true);

  const atlas = () => window.__clsAtlas;
  const map = () => (atlas() ? atlas().map : undefined);
  const view = () => (window.__clsIndicators ? window.__clsIndicators.view.getState() : null);

  const hook = () => {
    const m = map();
    if (!m) { setTimeout(hook, 5); return; }
    const onRender = () => {
      if (B.firstMeaningful !== null) return;
      try {
        const level = atlas().state.level;
        const id = 'territories-' + level + '-fill';
        if (!m.getLayer(id)) return;
        if (m.queryRenderedFeatures(undefined, { layers: [id] }).length > 0) {
          B.firstMeaningful = performance.now();
          B.firstMeaningfulLevel = level;
          m.off('render', onRender);
        }
      } catch (e) { /* style not ready yet */ }
    };
    m.on('render', onRender);
    m.on('render', () => { B.lastRender = performance.now(); });
  };
  hook();

  B.arm = () => {
    const v = view();
    B.lastInput = null;
    B.armed = { t: performance.now(), dataVersion: v ? v.dataVersion : -1 };
    return B.armed.t;
  };

  const conditions = {
    level: (level) => {
      const a = atlas(); const m = map();
      if (!a || !m || a.state.level !== level || a.state.levelStatus[level] !== 'ready') return false;
      const source = 'territories-' + level;
      return !!m.getSource(source) && m.isSourceLoaded(source);
    },
    indicator: (arg) => {
      const v = view();
      if (!v || v.dataVersion <= B.armed.dataVersion) return false;
      if (v.level !== arg.level) return false;
      if (arg.id === null) return v.entry === null;
      return !!v.entry && v.entry.id === arg.id && (v.status === 'ready' || v.status === 'unavailable');
    },
  };

  B.settle = (kind, arg, timeoutMs) => new Promise((resolve, reject) => {
    const m = map();
    const started = B.armed ? B.armed.t : performance.now();
    let doneCheck = null;
    let forced = false;
    const finish = (t) => {
      m.off('idle', onIdle);
      clearInterval(poll);
      clearTimeout(timer);
      const from = B.lastInput && B.lastInput.t >= started ? B.lastInput.t : started;
      resolve({ doneAt: t, fromMs: t - from, forced, conditionAt: doneCheck === null ? null : doneCheck - from });
    };
    const check = () => { const ok = conditions[kind](arg); if (ok && doneCheck === null) doneCheck = performance.now(); return ok; };
    const onIdle = () => { if (check()) finish(performance.now()); };
    m.on('idle', onIdle);
    // If the change needed no new frame, no idle would come: force one, and say so.
    // Only when nothing has been drawn for 300 ms (a busy map is still heading for its idle).
    const poll = setInterval(() => {
      const quiet = performance.now() - Math.max(doneCheck || 0, B.lastRender) > 300;
      if (check() && quiet && !forced) { forced = true; m.triggerRepaint(); }
    }, 20);
    const timer = setTimeout(() => { m.off('idle', onIdle); clearInterval(poll); reject(new Error('settle timeout: ' + kind)); }, timeoutMs);
  });

  B.idle = () => new Promise((resolve) => { const m = map(); m.once('idle', () => resolve(performance.now())); m.triggerRepaint(); });

  B.zoomProbe = (o) => new Promise((resolve) => {
    const m = map();
    m.jumpTo({ center: o.center, zoom: o.from });
    m.once('idle', () => {
      const frames = [];
      const onRender = () => frames.push(performance.now());
      m.on('render', onRender);
      const t0 = performance.now();
      m.once('moveend', () => {
        // The frame that ends the animation fires 'render' after 'moveend': count it.
        m.once('render', () => {
          const tLast = performance.now();
          m.once('idle', () => {
            m.off('render', onRender);
            const tIdle = performance.now();
            const during = frames.filter((t) => t <= tLast);
            let maxGap = 0; let prev = t0;
            for (const t of during) { maxGap = Math.max(maxGap, t - prev); prev = t; }
            resolve({
              animationMs: tLast - t0,
              frames: during.length,
              fps: during.length / ((tLast - t0) / 1000),
              maxFrameGapMs: maxGap,
              idleAfterEndMs: tIdle - tLast,
            });
          });
        });
      });
      m.easeTo({ center: o.center, zoom: o.to, duration: o.durationMs });
    });
    m.triggerRepaint();
  });

  window.__bench = B;
})();
`;
