// Downloads that need the bearer token: the token is in memory only, so a plain link cannot carry it. The file is
// fetched, held as a Blob (in the browser's memory, spilling to disk for large files in Chromium), then saved.

import {request} from './api.js';

/** Fetches {@code path} with the token and saves it under the server's file name; resolves to that name and size. */
export async function download(path, params, fallbackName) {
  const response = await request(path, params);
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the Blob to the download; revoking later frees it without cutting the save short.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return {name, size: blob.size};
}

/** The file name of an RFC 6266 Content-Disposition header (filename*, then filename). */
export function fileNameOf(header) {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) return decodeURIComponent(extended[1].trim());
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? (plain[1] ?? plain[2]).trim() : null;
}
