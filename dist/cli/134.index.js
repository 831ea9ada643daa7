export const id = 134;
export const ids = [134];
export const modules = {

/***/ 25134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createProxyFetch: () => (/* binding */ createProxyFetch)
/* harmony export */ });
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44942);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24371);
// Loaded only when the runner sets a proxy (self-hosted runners behind one): the same fetch that
// @actions/github gives Octokit, undici with @actions/http-client's proxy dispatcher, which also
// applies no_proxy. Every other run uses Node's own fetch and never compiles this chunk.


function createProxyFetch(baseUrl) {
    const dispatcher = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq().getAgentDispatcher(baseUrl);
    const proxied = (url, init) => (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .fetch */ .hd)(url, { ...init, dispatcher });
    return proxied;
}


/***/ })

};
