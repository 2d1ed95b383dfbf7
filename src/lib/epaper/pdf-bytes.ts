/**
 * Whether a page's bytes are a PDF at all — the one check the importer, the archive's source, the text reader
 * and the picture maker share. A Git LFS pointer checked out in place of its PDF is named as such, with what
 * to run, because that is the mistake a newsroom keeping its PDFs in LFS will make.
 */

const LFS_POINTER = 'version https://git-lfs.github.com/spec/';

const head = (bytes: Uint8Array, length: number) => new TextDecoder('latin1').decode(bytes.subarray(0, length));

/** A Git LFS pointer checked out in place of the file it stands for. */
export const isLfsPointer = (bytes: Uint8Array) => head(bytes, LFS_POINTER.length).startsWith(LFS_POINTER);

/** Why `bytes` are not a PDF, in Chinese for an editor (the caller names the file first), or undefined. */
export function notPdfReason(bytes: Uint8Array): string | undefined {
  if (isLfsPointer(bytes)) return '是 Git LFS 指针文件，PDF 本身尚未取回：请运行 git lfs pull（或 git lfs fetch && git lfs checkout）';
  if (bytes.length === 0) return '是空文件，不是 PDF：请重新导出该版的 PDF';
  // The PDF header may follow some junk, which readers accept within the first kilobyte.
  if (!head(bytes, 1024).includes('%PDF-')) return '不是 PDF 文件（开头没有 %PDF- 标记）：请确认导入的是该版的 PDF';
  return undefined;
}
