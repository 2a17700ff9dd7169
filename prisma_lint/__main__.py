import sys

from prisma_lint.cli import main

sys.exit(main())
