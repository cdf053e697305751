-- Helpers for the section55 language server in Neovim 0.11+ (editors/neovim on 'runtimepath').
--
--   require('section55').fix_all()        -- apply every safe fix in the current buffer now
--   require('section55').fix_on_save()    -- and before every write of a response file
--
-- Both use the server's `source.fixAll.section55` code action: only safe fixes (those that
-- cannot change what the response says), the same edits as `section55 check --fix`.
local M = {}

--- Applies the safe fixes to `bufnr` (default: the current buffer) and waits for them, so it
--- can run just before the buffer is written.
---@param bufnr? integer
---@param timeout_ms? integer
function M.fix_all(bufnr, timeout_ms)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = vim.lsp.get_clients({ bufnr = bufnr, name = 'section55' })[1]
  if not client then return end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { only = { 'source.fixAll.section55' }, diagnostics = {} },
  }
  local response = client:request_sync('textDocument/codeAction', params, timeout_ms or 2000, bufnr)
  for _, action in ipairs(response and response.result or {}) do
    if action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    end
  end
end

--- Runs `fix_all` before each write of a `*.s55.yaml` / `*.s55.yml` buffer.
function M.fix_on_save()
  vim.api.nvim_create_autocmd('BufWritePre', {
    group = vim.api.nvim_create_augroup('section55_fix_on_save', { clear = true }),
    pattern = { '*.s55.yaml', '*.s55.yml' },
    callback = function(args) M.fix_all(args.buf) end,
  })
end

return M
