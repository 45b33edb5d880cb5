// Opens a course page in an iframe of the test page, as a student's tab would load it, and collects what it reports
// as errors (uncaught errors, unhandled rejections and console.error), so a test can say the page had none.

/** A course page loaded in an iframe: its frame, window and the errors it has reported so far. */
export interface CoursePage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  errors: string[];
}

/** Loads `/content/<slug>.html` in a 1000×800 iframe appended to the document; resolves when it has loaded. */
export function openCoursePage(slug: string): Promise<CoursePage> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '800px';
    const errors: string[] = [];
    frame.addEventListener('load', () => {
      const win = frame.contentWindow as Window & typeof globalThis;
      win.addEventListener('error', (e) => errors.push(String(e.message)));
      win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
      const consoleError = win.console.error.bind(win.console);
      win.console.error = (...a: unknown[]) => (errors.push(a.map(String).join(' ')), consoleError(...a));
      resolve({ frame, win, errors });
    });
    frame.addEventListener('error', () => reject(new Error(`could not load ${slug}`)));
    frame.src = `/content/${slug}.html`;
    document.body.append(frame);
  });
}
