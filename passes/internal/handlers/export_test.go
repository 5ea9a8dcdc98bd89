package handlers

// SessionFuncNameForTest exposes sessionFuncName to the external tests.
var SessionFuncNameForTest = sessionFuncName
