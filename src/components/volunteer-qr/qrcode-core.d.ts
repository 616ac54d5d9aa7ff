/** The encoder of `qrcode` without its renderers (they need canvas or Node). */
declare module 'qrcode/lib/core/qrcode' {
  interface BitMatrix {
    size: number;
    get(row: number, col: number): boolean | number;
  }
  export function create(data: Array<{ data: Uint8Array | number[]; mode: 'byte' }>, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): { modules: BitMatrix };
}
