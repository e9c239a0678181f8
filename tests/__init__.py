"""The test suite.

Bytecode is cached (__pycache__, ignored by git) even where PYTHONDONTWRITEBYTECODE is set, as
it is on the machine the suite's time is measured on: without the cache every test process
compiled the bot's modules and pytest rewrote every test module anew, about 12 s of CPU per
xdist worker (collecting the suite took 16.5 CPU-s instead of 4.4). The bot processes the tests
start always wrote it (`processes.clean_env` passes the variable on to none of them). Set here,
in the package pytest imports before conftest.py and every test module.
"""

import sys

sys.dont_write_bytecode = False
