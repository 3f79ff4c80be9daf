export { CertificateRenderer, formatScoreId } from './certificate-renderer';
export type { CertificateData, CertificateRendererOptions, QrDrawing, RenderResult } from './certificate-renderer';
export { isWinAnsi } from './win-ansi';
export { qrMatrix, qrRects } from './qr';
export type { QrMatrix, QrRect } from './qr';
