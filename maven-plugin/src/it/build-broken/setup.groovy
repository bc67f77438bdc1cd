// An earlier, good build's output: a failed build must leave it exactly as it is.
def old = new File(basedir, 'target/site/index.html')
old.parentFile.mkdirs()
old.text = 'previous site'
return true
