# kb_add_lexicon(TARGET DIR PREFIX): the INTERFACE library TARGET whose users can include, for
# each word list DIR/<path>.txt or DIR/<path>.tsv, the fragment "<PREFIX>/<path>.inc" that
# cmake/embed_lexicon.cmake generates from it at build time (see data/lexicon/README.md).
# Editing a list regenerates its fragment and recompiles the code that includes it; the
# fragments live in the build tree only.
function(kb_add_lexicon target dir prefix)
  file(GLOB_RECURSE lists CONFIGURE_DEPENDS RELATIVE ${dir} ${dir}/*.txt ${dir}/*.tsv)
  list(SORT lists)
  set(root ${CMAKE_CURRENT_BINARY_DIR}/generated)
  file(RELATIVE_PATH shown ${PROJECT_SOURCE_DIR} ${dir})
  set(outputs "")
  foreach(list_file IN LISTS lists)
    string(REGEX REPLACE "\\.(txt|tsv)$" "" stem ${list_file})
    set(output ${root}/${prefix}/${stem}.inc)
    add_custom_command(
      OUTPUT ${output}
      COMMAND ${CMAKE_COMMAND} -DINPUT=${dir}/${list_file} -DOUTPUT=${output}
              -DSOURCE=${shown}/${list_file} -P ${PROJECT_SOURCE_DIR}/cmake/embed_lexicon.cmake
      DEPENDS ${dir}/${list_file} ${PROJECT_SOURCE_DIR}/cmake/embed_lexicon.cmake
      COMMENT "Embedding ${shown}/${list_file}"
      VERBATIM)
    list(APPEND outputs ${output})
  endforeach()
  add_custom_target(${target}_fragments DEPENDS ${outputs})
  add_library(${target} INTERFACE)
  target_include_directories(${target} INTERFACE ${root})
  add_dependencies(${target} ${target}_fragments)
endfunction()
