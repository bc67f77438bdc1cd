// A folder of the user's own, where they point the output by mistake (or on purpose).
def mine = new File(basedir, 'published/notes.txt')
mine.parentFile.mkdirs()
mine.text = 'not a site'
return true
