// The few browser globals the journeys use inside page.evaluate / addInitScript callbacks (those
// run in Chromium; this project is type-checked with Node's types, not the DOM library).
declare function requestAnimationFrame(callback: (time: number) => void): number;
declare const sessionStorage: { setItem(key: string, value: string): void };
declare function scrollTo(x: number, y: number): void;
