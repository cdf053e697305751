-- Section 55 response files are YAML: keep them in the `yaml` filetype (the section55 language
-- server attaches by file name, see lsp/section55.lua), even where another plugin or a
-- modeline-less heuristic would pick something else for `*.s55.yaml` / `*.s55.yml`.
vim.filetype.add({
  pattern = {
    ['.*%.s55%.ya?ml'] = 'yaml',
  },
})
