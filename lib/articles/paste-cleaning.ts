// Paste from Word and Google Docs: keep headings, bold, italic, lists and links; drop the rest
// (styles, fonts, colours, classes, comments, Word's XML, images, Docs' bold wrapper). Runs in the
// browser on the clipboard's HTML before the editor's schema parses it (body-editor.tsx); the
// schema (lib/articles/body.ts) then drops any node or mark it does not know.

const DROP =
  "style,script,meta,link,title,xml,template,img,picture,svg,video,audio,iframe,object,embed,canvas,input,button,select,textarea,form";
const HEADING_LEVEL: Record<string, number> = { H1: 2, H2: 3, H3: 4, H4: 4, H5: 4, H6: 4 };
// A body photo copied in the desk's own editor (this story or another) is a figure naming a library
// photo and what the story says of it (body-extensions.ts): it stays a photo when pasted, rather than
// becoming its label's text. A figure naming no photo in the library is never shown to readers.
const KEEP_ATTRS: Record<string, string[]> = { A: ["href"], FIGURE: ["data-image-id", "data-caption", "data-credit", "data-alt"] };
const SAFE_HREF = /^(https?:|mailto:)/i;

/** Cleans clipboard HTML from Word, Google Docs or a web page into the few tags the body keeps. */
export function cleanPastedHtml(html: string, parser: DOMParser = new DOMParser()): string {
  const doc = parser.parseFromString(html, "text/html");
  const body = doc.body;
  removeComments(body);
  body.querySelectorAll(DROP).forEach((el) => el.remove());
  // Chrome ends a copied selection with this line break; it is no part of the text.
  body.querySelectorAll("br.Apple-interchange-newline").forEach((el) => el.remove());
  // Word's list bullets and numbers are text in spans marked mso-list:Ignore: note which kind of
  // list each paragraph was in ("1." or "a)" numbered, "·" or "o" bulleted), then drop the text.
  body.querySelectorAll("[style*='mso-list:Ignore' i], [style*='mso-list: Ignore' i]").forEach((el) => {
    el.closest("p")?.setAttribute("data-marker", (el.textContent ?? "").trim().split(/\s/)[0] ?? "");
    el.remove();
  });
  unwrapDocsWrapper(body);
  wordListsToLists(body);
  wordTitles(body);
  styledSpansToMarks(body);
  nestStrayLists(body);
  for (const el of Array.from(body.querySelectorAll("*"))) {
    const level = HEADING_LEVEL[el.tagName];
    if (level && el.tagName !== `H${level}`) replaceTag(el, `h${level}`);
  }
  for (const el of Array.from(body.querySelectorAll("*"))) {
    const keep = KEEP_ATTRS[el.tagName] ?? [];
    for (const attr of Array.from(el.attributes)) if (!keep.includes(attr.name)) el.removeAttribute(attr.name);
    if (el.tagName === "A") {
      const href = el.getAttribute("href") ?? "";
      if (!SAFE_HREF.test(href.trim())) unwrap(el);
    }
    if (el.tagName === "SPAN" || el.tagName === "FONT" || el.tagName.includes(":")) unwrap(el);
  }
  return body.innerHTML.replace(/\u00a0/g, " ");
}

function removeComments(root: Node) {
  const walker = root.ownerDocument!.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
}

function unwrap(el: Element) {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function replaceTag(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) next.setAttribute(attr.name, attr.value);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.replaceWith(next);
  return next;
}

const styleOf = (el: Element) => (el.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");

/** Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">: not bold at all. */
function unwrapDocsWrapper(body: HTMLElement) {
  body.querySelectorAll("b[id^='docs-internal-guid'], b[style*='font-weight:normal']").forEach((b) => unwrap(b));
}

/** Docs (and Word) give bold and italic as span styles: make them <strong> and <em>. */
function styledSpansToMarks(body: HTMLElement) {
  for (const span of Array.from(body.querySelectorAll("span"))) {
    const style = styleOf(span);
    const bold = /font-weight:(bold|[6-9]00)/.test(style);
    const italic = /font-style:italic/.test(style);
    if (!bold && !italic) continue;
    let inner: Element = span;
    if (bold) inner = wrapChildren(inner, "strong");
    if (italic) wrapChildren(inner, "em");
  }
}

function wrapChildren(el: Element, tag: string): Element {
  const wrapper = el.ownerDocument.createElement(tag);
  while (el.firstChild) wrapper.appendChild(el.firstChild);
  el.appendChild(wrapper);
  return wrapper;
}

/** Word's "Title" and "Subtitle" paragraphs read as headings. */
function wordTitles(body: HTMLElement) {
  body.querySelectorAll("p.MsoTitle").forEach((p) => replaceTag(p, "h2"));
  body.querySelectorAll("p.MsoSubtitle").forEach((p) => replaceTag(p, "h3"));
}

/**
 * Word gives a list as paragraphs (class MsoListParagraph…, style "mso-list:l0 level2 lfo1") whose
 * bullet or number was a text span (removed above): rebuild <ul>/<ol> with nesting by level.
 */
function wordListsToLists(body: HTMLElement) {
  const isItem = (el: Element | null): el is HTMLElement => !!el && el.tagName === "P" && /mso-list:l\d+level\d+/.test(styleOf(el));
  for (const first of Array.from(body.querySelectorAll("p"))) {
    if (!isItem(first) || !first.isConnected || isItem(first.previousElementSibling)) continue;
    const items: HTMLElement[] = [];
    for (let el: Element | null = first; isItem(el); el = el.nextElementSibling) items.push(el);
    let root = first.ownerDocument.createElement(listTag(first));
    first.before(root);
    let id = listId(first);
    let stack: { level: number; list: Element }[] = [{ level: levelOf(items[0]!), list: root }];
    for (const item of items) {
      const level = levelOf(item);
      // Another list (l0, then l1) straight after this one: a list of its own.
      if (listId(item) !== id && level <= stack[0]!.level) {
        const next = first.ownerDocument.createElement(listTag(item));
        root.after(next);
        [root, id] = [next, listId(item)];
        stack = [{ level, list: root }];
      }
      while (stack.length > 1 && level < stack[stack.length - 1]!.level) stack.pop();
      let top = stack[stack.length - 1]!;
      if (level > top.level) {
        const parentLi = top.list.lastElementChild ?? top.list.appendChild(first.ownerDocument.createElement("li"));
        const nested = first.ownerDocument.createElement(listTag(item));
        parentLi.appendChild(nested);
        top = { level, list: nested };
        stack.push(top);
      }
      const li = first.ownerDocument.createElement("li");
      const p = first.ownerDocument.createElement("p");
      while (item.firstChild) p.appendChild(item.firstChild);
      li.appendChild(p);
      top.list.appendChild(li);
      item.remove();
    }
  }
}

const listId = (el: Element) => /mso-list:(l\d+)/.exec(styleOf(el))?.[1];
const levelOf = (el: Element) => Number(/level(\d+)/.exec(styleOf(el))?.[1] ?? 1);
/** Numbered when Word's marker was a number or letter ("1.", "a)", "iv."). */
function listTag(item: Element): "ol" | "ul" {
  const marker = item.getAttribute("data-marker");
  return marker && /^[0-9a-z]+[.)]$/i.test(marker) ? "ol" : "ul";
}

/** Docs puts a nested list straight inside its parent list, beside the items: move it into the item before it. */
function nestStrayLists(body: HTMLElement) {
  for (const list of Array.from(body.querySelectorAll("ul > ul, ul > ol, ol > ul, ol > ol"))) {
    const before = list.previousElementSibling;
    if (before?.tagName === "LI") before.appendChild(list);
    else {
      const li = list.ownerDocument.createElement("li");
      list.before(li);
      li.appendChild(list);
    }
  }
}
