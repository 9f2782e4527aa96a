// The wizard stores nothing on the phone. PyScript 0.7.31 opens an IndexedDB database called
// "IDBMap/@pyscript.fs" as soon as it loads (node_modules/@pyscript/core/src/fs.js makes
// `new IDBMap("@pyscript.fs")` at the top of the module, for pyscript.fs.mount, which lets a
// script keep a folder the user picked). It would hold nothing, but it would still be created,
// and a browser lists it as this site's stored data. The wizard never mounts a folder, so before
// PyScript loads (this is a classic script; PyScript is a module, which runs after it), every
// indexedDB.open on this page gets a request that never opens anything and never fires: the
// code that asked just waits, and no database is created. PyScript's own code is not changed.
(function () {
  "use strict";
  if (!window.indexedDB || !window.IDBFactory) { return; }
  var inert = function () {
    return { result: undefined, error: null, readyState: "pending", source: null, transaction: null };
  };
  try {
    Object.defineProperty(window.IDBFactory.prototype, "open", { value: inert, configurable: false, writable: false });
  } catch (ignored) {
    // Could not be replaced: the browser test (indexedDB.databases() is empty) would say so.
  }
}());
