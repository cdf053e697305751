-- section55 language server for Neovim 0.11+ (vim.lsp.config / vim.lsp.enable).
--
-- Put this folder (editors/neovim) on 'runtimepath', or copy this file to
-- ~/.config/nvim/lsp/section55.lua, then enable it in init.lua:
--
--   vim.lsp.enable('section55')
--
-- Override any field with vim.lsp.config('section55', { cmd = { '/path/to/section55', 'lsp' } }).
--
-- The server only handles Section 55 response files (*.s55.yaml, *.s55.yml). They keep the
-- `yaml` filetype, so yaml-language-server, treesitter and other YAML tools still work on them:
-- `root_dir` below starts section55 for those file names only, not for every YAML buffer.

---@param name string
---@return boolean
local function is_response_file(name)
  return name:match('%.s55%.ya?ml$') ~= nil
end

---@type vim.lsp.Config
return {
  cmd = { 'section55', 'lsp' },
  filetypes = { 'yaml' },
  root_markers = { 'section55.toml', '.git' },
  ---@param bufnr integer
  ---@param on_dir fun(root_dir?: string)
  root_dir = function(bufnr, on_dir)
    local name = vim.api.nvim_buf_get_name(bufnr)
    if not is_response_file(name) then
      return -- not a response file: do not attach
    end
    local root = vim.fs.root(bufnr, { 'section55.toml', '.git' })
    on_dir(root or vim.fs.dirname(name))
  end,
  -- UTF-8 positions when the server offers them (it does), UTF-16 otherwise.
  capabilities = {
    general = { positionEncodings = { 'utf-8', 'utf-16' } },
  },
}
