// A GET form and links: nothing here needs JavaScript.
export const csr = false;
