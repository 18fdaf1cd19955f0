/** Entry point of the app page: defines the elements and records time to first render. */
import './app.js';

customElements.whenDefined('archsim-app').then(async () => {
  const app = document.querySelector('archsim-app');
  await app?.updateComplete;
  requestAnimationFrame(() => {
    (window as unknown as { archsimFirstRenderMs: number }).archsimFirstRenderMs = performance.now();
  });
});
