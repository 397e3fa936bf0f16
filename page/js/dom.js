// Elements are built from text only: nothing the desk returns (a carrier's name, a refund reason, a claim
// reference, a replacement order id, a sentence) ever goes through the HTML parser.

const SVG = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    // A string becomes a text node.
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

export function replace(node, ...children) {
  node.replaceChildren();
  return build(node, {}, children);
}

let unique = 0;
export function id(prefix) {
  unique += 1;
  return `${prefix}-${unique}`;
}
