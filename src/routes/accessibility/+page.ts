// Nothing on the page is interactive: no JavaScript is sent.
export const csr = false;
