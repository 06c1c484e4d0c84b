import os
import os.path
print(os.path.join("data", "mnist", "train.csv"), os.path.join("a/", "b"), os.path.join("a", "/abs", "c"))
print(os.path.basename("/tmp/run/model.h5"), os.path.dirname("/tmp/run/model.h5"))
print(os.path.splitext("model.weights.h5"), os.path.splitext(".bashrc"), os.path.splitext("noext"))
print(os.path.split("a/b/c"), os.path.split("/"), os.path.split("file"))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath(""), os.path.normpath("/../x"))
print(os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.exists("/definitely/not/here"), os.path.isdir("/"), os.path.isfile("/"))
print(os.environ.get("LABBOOK_SURELY_UNSET_VARIABLE"), os.getenv("LABBOOK_SURELY_UNSET_VARIABLE", "fallback"))
print(os.sep, os.path.sep)
os.listdir("/definitely/not/here")
