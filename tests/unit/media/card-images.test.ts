import { describe, expect, it } from "vitest";
import { imageToken, splitCardText, withImagesAsText } from "@/lib/media/card-images";
import { sniffImageType } from "@/lib/media/image-type";

const SHA = "a".repeat(64);

describe("image types, by their bytes", () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((char) => char.charCodeAt(0)) : part)));

  it("knows PNG, JPEG, GIF and WebP whatever the file is called", () => {
    expect(sniffImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(bytes("GIF89a", [1, 0]))).toBe("image/gif");
    expect(sniffImageType(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses SVG, HTML and anything else", () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImageType(bytes('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(sniffImageType(bytes("<html><img src=x onerror=alert(1)>"))).toBeNull();
    expect(sniffImageType(bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBeNull();
  });
});

describe("images in card text", () => {
  it("splits text around the app's image tokens only", () => {
    const text = `Belgium\n${imageToken("Flag of Belgium", SHA)} and ![x](https://evil.example/a.png)`;
    expect(splitCardText(text)).toEqual([
      { kind: "text", text: "Belgium\n" },
      { kind: "image", alt: "Flag of Belgium", sha256: SHA },
      { kind: "text", text: " and ![x](https://evil.example/a.png)" },
    ]);
  });

  it("keeps an alternative text from ending the token early", () => {
    expect(splitCardText(imageToken("a] (b) <c>\nd", SHA))).toEqual([{ kind: "image", alt: "a  (b)  c  d", sha256: SHA }]);
  });

  it("shows images as words in lists", () => {
    expect(withImagesAsText(`${imageToken("hq.png", SHA)} NATO HQ`)).toBe("[image: hq.png] NATO HQ");
  });
});
