-- Neovim's own LSP client against `cjmap lsp`: run by test_lsp_neovim.py as
--   nvim --headless --clean -u NONE -c "luafile neovim.lua" MAP
-- It waits for the map's diagnostics, asks for the definition and the hover at
-- CJMAP_LINE:CJMAP_COL (1-based line, 0-based column), and writes what it got to
-- CJMAP_OUT as JSON. Written for Neovim 0.7 (Debian's), so vim.lsp.start_client.
local out = { diagnostics = {} }
local client_id = vim.lsp.start_client({
  name = "cjmap",
  cmd = { vim.env.CJMAP_PYTHON, "-m", "cjmap", "lsp" },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, client_id)
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out.diagnostics, {
    lnum = d.lnum, col = d.col, code = d.code, source = d.source,
    message = d.message, severity = d.severity,
  })
end
vim.api.nvim_win_set_cursor(0, { tonumber(vim.env.CJMAP_LINE), tonumber(vim.env.CJMAP_COL) })
local params = vim.lsp.util.make_position_params()
for _, answer in pairs(vim.lsp.buf_request_sync(0, "textDocument/definition", params, 10000) or {}) do
  out.definition = answer.result
end
for _, answer in pairs(vim.lsp.buf_request_sync(0, "textDocument/hover", params, 10000) or {}) do
  out.hover = answer.result
end
vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.CJMAP_OUT)
vim.lsp.stop_client(client_id)
vim.cmd("qa!")
