import PHBEngine
