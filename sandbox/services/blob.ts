// Blob: bytes, a content type and a name. getBytes() gives Java's signed bytes
// (-128…127) as Apps Script does. A blob that stands for a Google Doc (or HTML/text)
// converts to PDF through the converter it carries.

import { GAS } from "./runtime.js";

type BlobT = GoogleAppsScript.Base.Blob;

const EXTENSIONS: Record<string, string> = {
  pdf: "application/pdf",
  html: "text/html",
  htm: "text/html",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  eml: "message/rfc822",
};

/** Turns a blob's content into another type; undefined when the conversion is not supported. */
export type Converter = (contentType: string) => Uint8Array | undefined;

export function toBytes(data: string | number[] | Uint8Array): Uint8Array {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return new Uint8Array(data);
  return Uint8Array.from(data, (b) => b & 0xff);
}

export function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

export class Blob
  implements
    Pick<
      BlobT,
      | "copyBlob"
      | "getAs"
      | "getBytes"
      | "getContentType"
      | "getDataAsString"
      | "getName"
      | "setName"
      | "setBytes"
      | "setContentType"
      | "setDataFromString"
      | "isGoogleType"
      | "getBlob"
      | "setContentTypeFromExtension"
    >
{
  readonly [GAS] = "Blob";
  constructor(
    private bytes: Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
    private readonly convert?: Converter,
  ) {}

  /** The raw bytes (for the sandbox's files layer). */
  _bytes(): Uint8Array {
    return this.bytes;
  }

  copyBlob(): BlobT {
    return new Blob(
      new Uint8Array(this.bytes),
      this.contentType,
      this.name,
      this.convert,
    ) as unknown as BlobT;
  }
  getBlob(): BlobT {
    return this as unknown as BlobT;
  }
  getAs(contentType: string): BlobT {
    const base = this.name ? this.name.replace(/\.[^.]*$/, "") : null;
    const ext = Object.entries(EXTENSIONS).find(([, t]) => t === contentType)?.[0];
    const name = base && ext ? `${base}.${ext}` : this.name;
    if (contentType === this.contentType)
      return new Blob(new Uint8Array(this.bytes), contentType, name) as unknown as BlobT;
    const converted = this.convert?.(contentType);
    if (!converted) {
      throw new Error(
        `Converting from ${this.contentType ?? "unknown"} to ${contentType} is not supported.`,
      );
    }
    return new Blob(converted, contentType, name) as unknown as BlobT;
  }
  getBytes(): number[] {
    return signedBytes(this.bytes);
  }
  setBytes(data: number[]): BlobT {
    this.bytes = toBytes(data);
    return this as unknown as BlobT;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): BlobT {
    this.contentType = contentType;
    return this as unknown as BlobT;
  }
  setContentTypeFromExtension(): BlobT {
    const ext = this.name?.split(".").pop()?.toLowerCase() ?? "";
    const type = EXTENSIONS[ext];
    if (!type) throw new Error(`Could not determine the content type of ${this.name}.`);
    this.contentType = type;
    return this as unknown as BlobT;
  }
  getDataAsString(charset = "UTF-8"): string {
    const label = charset.toLowerCase() === "iso-8859-1" ? "latin1" : charset.toLowerCase();
    return new TextDecoder(label).decode(this.bytes);
  }
  setDataFromString(s: string): BlobT {
    this.bytes = new TextEncoder().encode(s);
    return this as unknown as BlobT;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): BlobT {
    this.name = name;
    return this as unknown as BlobT;
  }
  isGoogleType(): boolean {
    return false;
  }
}
