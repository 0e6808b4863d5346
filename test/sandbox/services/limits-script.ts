// The script of the limits tests (runtime, lock, membrane): long loops, locks, custom functions.
import { createSandbox } from "../../../sandbox/index.js";

const code = `
function perCell(n) {
  var sheet = SpreadsheetApp.getActiveSheet();
  for (var i = 1; i <= n; i++) sheet.getRange(i, 1).setValue(i);
  return n;
}
function sleeper(minutes) { for (var i = 0; i < minutes; i++) Utilities.sleep(60000); return "awake"; }
function lockAndSend() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(30000);
  MailApp.sendEmail("client@exemple.test", "Relance", "Bonjour");
  return lock.hasLock();
}
function tryLock(ms) { return LockService.getScriptLock().tryLock(ms); }
function holdForever() { LockService.getDocumentLock().waitLock(1000); return "held"; }
function READ() { return SpreadsheetApp.getActiveSheet().getRange("A1").getValue(); }
function WRITE() { SpreadsheetApp.getActiveSheet().getRange("B1").setValue("x"); return 1; }
function MAIL() { MailApp.sendEmail("a@b.fr", "s", "b"); return 1; }
function DOC() { return DocumentApp.create("Lettre").getId(); }
function TRIGGER() { ScriptApp.newTrigger("x").timeBased().everyDays(1).create(); }
function PROPS() {
  PropertiesService.getDocumentProperties().setProperty("k", "v");
  return PropertiesService.getDocumentProperties().getProperty("k") + " " + Session.getActiveUser().getEmail() + "|";
}
function WHERE() { var r = SpreadsheetApp.getActiveRange(); return r.getSheet().getName() + "!" + r.getA1Notation(); }
function sendThree() {
  var sent = 0;
  for (var i = 1; i <= 3; i++) {
    try { MailApp.sendEmail("client" + i + "@exemple.test", "Relance " + i, "Bonjour"); sent++; }
    catch (e) { SpreadsheetApp.getActiveSheet().getRange("A" + i).setValue(e.message); }
  }
  return sent;
}
function SLOW() { Utilities.sleep(31000); return SpreadsheetApp.getActiveSheet().getRange("A1").getValue(); }
`;

export function sandbox() {
  return createSandbox({ scripts: [{ name: "Code.js", code }], now: "2026-11-26T09:00" });
}
