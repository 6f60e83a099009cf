// Saves a Blob as a file through a temporary link: the views' download() and the share menu use it.
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // Revoked a little later: some browsers start the download only after the click's task ends.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
