import * as QRCode from 'qrcode';

export interface QrMatrix {
  /** Modules per side (without quiet zone). */
  size: number;
  isDark(row: number, col: number): boolean;
}

/** QR module matrix of `text` at error correction level M. */
export function qrMatrix(text: string): QrMatrix {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const size = modules.size;
  const data = modules.data;
  return {
    size,
    isDark: (row: number, col: number): boolean => data[row * size + col] === 1,
  };
}

export interface QrRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Dark modules as rectangles in page coordinates, horizontal runs of dark modules merged
 * into one rectangle per run (row by row, left to right).
 */
export function qrRects(matrix: QrMatrix, x: number, y: number, moduleSize: number): QrRect[] {
  const rects: QrRect[] = [];
  const n = matrix.size;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && matrix.isDark(row, col)) col++;
      rects.push({ x: x + start * moduleSize, y: y + row * moduleSize, w: (col - start) * moduleSize, h: moduleSize });
    }
  }
  return rects;
}
