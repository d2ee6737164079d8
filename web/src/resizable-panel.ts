/**
 * A side panel the user widens or narrows (CSS `resize`), its width remembered on this device.
 * The arrow keys resize it too when it has the focus, for those who do not use a mouse.
 */
export function resizablePanel(panel: HTMLElement, storageKey: string): void {
  const saved = Number(localStorage.getItem(storageKey));
  if (saved > 0) panel.style.width = `${saved}px`;
  panel.tabIndex = 0;
  panel.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight');
  new ResizeObserver(() => {
    localStorage.setItem(storageKey, String(Math.round(panel.getBoundingClientRect().width)));
  }).observe(panel);
  panel.addEventListener('keydown', (event) => {
    if (event.target !== panel || !['ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    event.preventDefault();
    const width = panel.getBoundingClientRect().width;
    panel.style.width = `${width + (event.key === 'ArrowLeft' ? 24 : -24)}px`;
  });
}
