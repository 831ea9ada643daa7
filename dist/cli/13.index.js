export const id = 13;
export const ids = [13];
export const modules = {

/***/ 37013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   toolkitRuntime: () => (/* binding */ toolkitRuntime)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90143);
// The runtime through the Actions toolkit's own `@actions/core`, for hosts that stand in for the
// runner by replacing that package (GitHub's `@github/local-action` debugger). A real runner
// never loads this file: processRuntime speaks the same protocol without the toolkit's weight.

function toolkitRuntime() {
    return {
        env: process.env,
        runner: {
            input: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name),
            debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
            info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message),
            notice: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(message, properties),
            warning: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message, properties),
            error: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message, properties),
            setSecret: (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret),
            setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value),
            appendSummary: async (markdown) => {
                await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
            },
            setFailed: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message)
        },
        signals: process,
        exit: (code) => process.exit(code)
    };
}


/***/ })

};
