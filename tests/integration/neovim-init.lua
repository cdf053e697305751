-- The init.lua a Neovim 0.11+ user writes (see editors/neovim/README.md), with the repository's
-- editors/neovim folder on 'runtimepath'. Used by neovim.sh with `nvim --headless --clean -u`.
local repo = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h')
vim.opt.runtimepath:append(repo .. '/editors/neovim')
if os.getenv('SECTION55_BIN') then
  vim.lsp.config('section55', { cmd = { os.getenv('SECTION55_BIN'), 'lsp' } })
end
vim.lsp.enable('section55')
