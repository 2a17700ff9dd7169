from prisma_lint.cli import console_main

console_main()
