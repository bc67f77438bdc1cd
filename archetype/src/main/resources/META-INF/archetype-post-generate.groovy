// Archetypes are jars, and jars keep no file modes: without this, ./mvnw in the new project is "permission denied".
// On Windows there is no executable bit to set, and mvnw.cmd needs none.
def mvnw = new File(new File(request.outputDirectory, request.artifactId), 'mvnw')
if (mvnw.isFile()) mvnw.setExecutable(true, false)
