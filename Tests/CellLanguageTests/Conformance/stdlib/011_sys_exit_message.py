import sys
print(sys.argv[1:] == [] or True)
print(type(sys.version).__name__, sys.version_info >= (3, 8))
sys.stdout.write("no newline")
sys.stdout.write("\n")
sys.exit("stopping here")
