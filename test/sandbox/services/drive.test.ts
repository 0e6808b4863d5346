// DriveApp keeps folders and files; a Doc is a Drive file; PDF exports are real PDFs.

import { describe, expect, it } from "vitest";
import { sandbox } from "./documents-script";

describe("DriveApp", () => {
  it("keeps folders and files, finds them by name, and moves a Doc into a folder", () => {
    const sb = sandbox();
    const [id, , , , , fileName, fileUrl, folderName] = sb.run<string[]>("letter");
    expect([fileName, folderName]).toEqual(["Mise en demeure F-001.pdf", "Lettres"]);
    expect(fileUrl).toMatch(
      /^https:\/\/drive\.google\.com\/file\/d\/1[\w-]{43}\/view\?usp=drivesdk$/,
    );
    expect(sb.run("find")).toEqual(["Mise en demeure F-001", "Mise en demeure F-001.pdf"]);
    const lettres = sb.drive.folders.find((f) => f.name === "Lettres");
    expect(lettres && sb.drive.pathOf(lettres.id)).toBe("Recouvra/Lettres");
    expect(sb.drive.files.find((f) => f.id === id)?.parentId).toBe(lettres?.id);
  });

  it("answers an unknown id with Google's message", () => {
    const sb = sandbox();
    expect(() => sb.run("missingFolder")).toThrow(
      "No item with the given ID could be found, or you do not have permission to access it.",
    );
  });
});
