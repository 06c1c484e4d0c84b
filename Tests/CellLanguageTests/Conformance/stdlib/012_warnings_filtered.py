import warnings
warnings.filterwarnings("ignore")
warnings.warn("this is ignored")
warnings.simplefilter("ignore", DeprecationWarning)
warnings.warn("old api", DeprecationWarning)
warnings.simplefilter("error")
try:
    warnings.warn("now an error")
except UserWarning as e:
    print("caught", type(e).__name__, e)
warnings.warn("careful", RuntimeWarning)
