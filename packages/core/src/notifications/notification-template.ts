/** Variables a template may reference: scalars only (the renderer refuses objects). */
export type TemplateData = Readonly<Record<string, string | number>>;

/**
 * A message template: subject and text are plain, html is escaped per variable. `D` names the
 * variables so callers get a compile error for a missing one; the renderer checks again at run time.
 */
export interface NotificationTemplate<D extends TemplateData = TemplateData> {
  readonly name: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Type-level only: the data this template expects. */
  readonly __data?: D;
}

export const defineTemplate = <D extends TemplateData>(t: Omit<NotificationTemplate<D>, '__data'>): NotificationTemplate<D> =>
  Object.freeze({ ...t });

/** Wraps a body in the minimal, inline-styled HTML mail clients render consistently. */
export const htmlLayout = (body: string): string =>
  `<!doctype html>\n<html><body style="font-family:Arial,Helvetica,sans-serif;color:#222;line-height:1.5">\n${body}\n` +
  `<p style="color:#888;font-size:12px">Sent by Dropship. You receive this because of activity on your account.</p>\n</body></html>\n`;
